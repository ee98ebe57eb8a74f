export { freePort } from "./ports"
