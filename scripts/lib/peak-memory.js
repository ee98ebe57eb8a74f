// Samples the resident memory of every process below this one (from /proc, Linux only) and keeps
// the largest single process seen, so a test run can print its peak: "peak 1234 MB (jest worker)".
const fs = require("fs")

function readProcesses() {
  const out = []
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
      // comm may contain spaces and parentheses: fields start after the last ")"
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      const ppid = Number(fields[1])
      const rssPages = Number(fields[21])
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).slice(0, 3).join(" ")
      out.push({ pid: Number(pid), ppid, rss: rssPages * 4096, cmd })
    } catch {}
  }
  return out
}

function descendants(rootPid, procs) {
  const children = new Map()
  for (const p of procs) {
    if (!children.has(p.ppid)) children.set(p.ppid, [])
    children.get(p.ppid).push(p)
  }
  const out = []
  const stack = [...(children.get(rootPid) ?? [])]
  while (stack.length) {
    const p = stack.pop()
    out.push(p)
    stack.push(...(children.get(p.pid) ?? []))
  }
  return out
}

function startPeakMemorySampler(intervalMs = 1000) {
  if (!fs.existsSync("/proc/self/stat")) return { stop: () => null }
  let peak = { rss: 0, cmd: "" }
  const sample = () => {
    for (const p of descendants(process.pid, readProcesses())) if (p.rss > peak.rss) peak = { rss: p.rss, cmd: p.cmd }
  }
  const timer = setInterval(sample, intervalMs)
  timer.unref()
  return {
    stop() {
      clearInterval(timer)
      sample()
      return { mb: Math.round(peak.rss / 1048576), cmd: peak.cmd.slice(0, 160) }
    },
  }
}

module.exports = { startPeakMemorySampler }
