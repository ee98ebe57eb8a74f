const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

// The app's suites and every workspace package's, with the transform of the shared preset.
const preset = require("@indus/test-kit/jest-preset")

const unit = [
  "<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s?(x)",
  "<rootDir>/integration-tests/unit/*.spec.[jt]s",
  "<rootDir>/{plugins,packages}/*/src/**/__tests__/**/*.unit.spec.[jt]s?(x)",
]
const integration = ["<rootDir>/integration-tests/http/*.spec.[jt]s", "<rootDir>/{plugins,packages}/*/integration-tests/**/*.spec.[jt]s"]

module.exports = {
  ...preset,
  modulePathIgnorePatterns: ["<rootDir>/.medusa/", "<rootDir>/.data/", "<rootDir>/dist/", "<rootDir>/templates/"],
  // Rendering e-mails with QR codes and similar unit work can pass 5 s on a busy two-core machine.
  testTimeout: 30_000,
  // Each integration suite boots a whole app: it gets a fresh process (a limit every worker exceeds),
  // so no late log line or timer of one suite's app reaches the next; unit workers are recycled past 900 MB.
  workerIdleMemoryLimit: process.env.TEST_WORKER_MEMORY || (process.env.TEST_TYPE === "integration:http" ? "1MB" : "900MB"),
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/templates/"],
  testMatch: process.env.TEST_TYPE === "unit" ? unit : process.env.TEST_TYPE === "integration:http" ? integration : [...unit, ...integration],
}
