// Suites that run the app as real processes (server/worker split, admin in Chromium).
module.exports = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/integration-tests/e2e/**/*.spec.ts"],
  transform: {
    "^.+\\.[jt]s$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2021" } }],
  },
  modulePathIgnorePatterns: ["<rootDir>/.medusa/", "<rootDir>/.data/"],
  testTimeout: 120_000,
  // A fresh process per suite: no child process or timer of one suite outlives it into the next.
  workerIdleMemoryLimit: process.env.TEST_WORKER_MEMORY || "1MB",
}
