// The admin front-end signs in with the pages' shared module (service-support, /common/js/auth.js).
export * from '/common/js/auth.js';
