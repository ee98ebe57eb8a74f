// Jest preset for every workspace package and plugin: TypeScript (and TSX) through SWC, Node
// environment, and the three kinds of test by TEST_TYPE, matching the app's own stages:
//   unit         src/**/__tests__/**/*.unit.spec.ts(x)   pure code, no services
//   integration  integration-tests/**/*.spec.ts          a booted Medusa app on PostgreSQL
//   (unset)      both
const swc = (tsx) => [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx, decorators: true },
      target: "es2021",
      ...(tsx ? { transform: { react: { runtime: "automatic" } } } : {}),
    },
  },
]

const unit = ["<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s?(x)"]
const integration = ["<rootDir>/integration-tests/**/*.spec.[jt]s"]
const byType = { unit, "integration:http": integration, integration }

module.exports = {
  transform: { "^.+\\.[jt]s$": swc(false), "^.+\\.tsx$": swc(true) },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["<rootDir>/.medusa/", "<rootDir>/dist/"],
  setupFiles: [require.resolve("./jest-setup.js"), require.resolve("./jest-template-db.js")],
  testMatch: byType[process.env.TEST_TYPE] ?? [...unit, ...integration],
}
