// The review API through the pages' shared module (service-support, /common/js/api.js).
export * from '/common/js/api.js';
