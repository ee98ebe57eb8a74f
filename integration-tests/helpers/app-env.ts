/**
 * `medusaIntegrationTestRunner` loads medusa-config.ts before it applies its own `env` option, so a
 * suite whose configuration depends on env (gateways, S3, SES…) puts the variables into process.env
 * in a `beforeAll` registered before the runner's, and restores process.env afterwards.
 *
 * `start` runs first (start a fixture, then add its URL to `env`); `stop` runs after the restore.
 * Call it at the top level of the spec file, above `medusaIntegrationTestRunner(...)`.
 */
export function useAppEnv(env: Record<string, string>, hooks: { start?: () => Promise<void> | void; stop?: () => Promise<void> | void } = {}) {
  const saved = { ...process.env }
  beforeAll(async () => {
    await hooks.start?.()
    Object.assign(process.env, env)
  })
  afterAll(async () => {
    process.env = saved
    await hooks.stop?.()
  })
}
