-- one database per service, user and password = its name (as deploy/postgres.sh does locally); change the
-- passwords for a real site (and the services' QUARKUS_DATASOURCE_PASSWORD with them)
CREATE USER intake WITH PASSWORD 'intake';
CREATE DATABASE intake OWNER intake;
CREATE USER validation WITH PASSWORD 'validation';
CREATE DATABASE validation OWNER validation;
CREATE USER review WITH PASSWORD 'review';
CREATE DATABASE review OWNER review;
CREATE USER publication WITH PASSWORD 'publication';
CREATE DATABASE publication OWNER publication;
