// Calls the running services through the TypeScript clients (typescript-fetch) generated from our committed OpenAPI
// documents. Reads the plan GeneratedClientsIT writes (per service its URL, token and module; the calls with their
// parameters, an optional body with its schema and an optional token). Sets no header by hand. Prints one line per
// call and exits non-zero when any call fails or any typed check does not hold.
import * as fs from "fs";

const plan = JSON.parse(fs.readFileSync(process.argv[2], "utf-8"));
const failures: string[] = [];
const results: Record<string, any> = {};

function module(service: string): any {
  return require("./" + service + "/index");
}

function api(service: string, token: string | undefined, operation: string): any {
  const m = module(service);
  const configuration = new m.Configuration({ basePath: plan.services[service].url, accessToken: token ?? plan.services[service].token });
  for (const name of Object.keys(m)) {
    if (name.endsWith("Api") && typeof m[name] === "function" && typeof m[name].prototype[operation] === "function") {
      return new m[name](configuration);
    }
  }
  throw new Error("no method " + operation);
}

function check(call: any, result: any) {
  for (const [path, wanted] of Object.entries(call.checks ?? {})) {
    let value = result;
    for (const step of path.split(".")) {
      value = value[/^\d+$/.test(step) ? Number(step) : step];
    }
    const ok = wanted === "date" || wanted === "datetime" ? value instanceof Date
      : wanted === "enum" || wanted === "text" || wanted === "uuid" ? typeof value === "string"
      : wanted === "integer" ? Number.isInteger(value)
      : wanted === "number" ? typeof value === "number"
      : wanted === "list" ? Array.isArray(value) : false;
    if (!ok) {
      failures.push(`${call.operationId}: ${path} is ${JSON.stringify(value)} (${typeof value}), not ${wanted}`);
    }
  }
}

async function main() {
  for (const call of plan.calls) {
    try {
      const client = api(call.service, call.token, call.operationId);
      const request: Record<string, any> = { ...(call.params ?? {}) };
      if (call.body) {
        const fromJson = module(call.service)[call.body.schema + "FromJSON"];
        request[call.body.param] = call.body.array ? call.body.value.map(fromJson) : fromJson(call.body.value);
      }
      const result = await client[call.operationId](request);
      results[call.name ?? call.operationId] = result;
      check(call, result);
      console.log("typescript", call.service, call.operationId, "ok");
    } catch (e: any) {
      const answer = e?.response ? `${e.response.status} ${await e.response.text()}` : String(e);
      failures.push(`${call.service} ${call.operationId}: ${answer.slice(0, 600)}`);
      console.log("typescript", call.service, call.operationId, "FAILED", answer.slice(0, 300));
    }
  }
  for (const [first, again, field] of plan.replays ?? []) {
    if (results[first] && results[again] && results[first][field] !== results[again][field]) {
      failures.push(`the retry ${again} with the same Idempotency-Key answered another ${field}`);
    }
  }
  console.log(`typescript: ${plan.calls.length} calls, ${failures.length} failures`);
  failures.forEach(f => console.log("FAILURE", f));
  process.exit(failures.length ? 1 : 0);
}

main();
