// Package deploy holds tests of the deployment files at the repository root: the Dockerfile
// and docker-compose.yml. The tests read the files only and need no Docker engine: they do
// not build the image or start a container. docker-compose.yml is loaded with compose-go, the
// loader Docker Compose itself uses, so interpolation, profiles and the Compose
// Specification's schema are checked as `docker compose config` would check them.
//
// The package has no code of its own; everything is in its tests.
package deploy
