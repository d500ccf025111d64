// Packages that ship ES modules only, or load one with import(): Node runs them as they are,
// Jest's CommonJS runtime only once SWC has compiled them like the sources (content-disposition
// for @fastify/static; cookie 2, which @fastify/cookie imports).
module.exports = {
  ...require('../../jest.preset.js'),
  rootDir: __dirname,
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|@fastify/cookie|cookie)/)'],
};
