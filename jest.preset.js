// Shared Jest settings: TypeScript runs through SWC (with decorator metadata for Nest), and
// workspace libraries resolve to their sources so unit tests never need a prior build.
const path = require('node:path');
const swcConfig = JSON.parse(
  require('node:fs').readFileSync(path.join(__dirname, '.swcrc'), 'utf8'),
);

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcConfig, swcrc: false }] },

  moduleNameMapper: { '^@onramp/([a-z-]+)$': path.join(__dirname, 'libs/$1/src/index.ts') },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
