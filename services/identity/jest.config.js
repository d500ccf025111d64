const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  rootDir: __dirname,
  // jose is published as ES modules only; Jest's CommonJS runtime needs it compiled.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  // The generated Prisma client imports its TypeScript siblings as `./x.js`.
  moduleNameMapper: { ...preset.moduleNameMapper, '^(\\.{1,2}/.*)\\.js$': '$1' },
};
