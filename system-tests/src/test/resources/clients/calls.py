"""Calls the running services through the Python clients generated from our committed OpenAPI documents.

Reads a plan (JSON, written by GeneratedClientsIT): per service its URL, token and generated package, and the calls
to make (operationId, parameters, an optional body with its schema, an optional token). Sets no header by hand: the
client's own Accept and Content-Type are what is sent. Prints one line per call and exits non-zero when any call
fails or any typed check does not hold.
"""
import datetime
import enum
import importlib
import inspect
import json
import keyword
import re
import sys
import uuid

plan = json.load(open(sys.argv[1], encoding="utf-8"))
failures = []


def snake(name):
    s = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()
    return "var_" + s if keyword.iskeyword(s) else s


def client(service, token):
    spec = plan["services"][service]
    package = importlib.import_module(spec["package"])
    configuration = package.Configuration(host=spec["url"], access_token=token or spec["token"])
    return package, package.ApiClient(configuration)


def find(package, api_client, operation):
    method = snake(operation)
    api_module = importlib.import_module(package.__name__ + ".api")
    for _, cls in inspect.getmembers(api_module, inspect.isclass):
        if cls.__name__.endswith("Api") and hasattr(cls, method):
            return getattr(cls(api_client), method)
    raise LookupError("no method " + method)


def body(package, spec):
    models = importlib.import_module(package.__name__ + ".models")
    model = getattr(models, spec["schema"])
    if spec.get("array"):
        return [model.from_dict(v) for v in spec["value"]]
    return model.from_dict(spec["value"])


def check(call, result):
    """The typed checks of a call: each names a path into the result and the type it must have."""
    for path, wanted in call.get("checks", {}).items():
        value = result
        for step in path.split("."):
            value = value[int(step)] if step.isdigit() else getattr(value, snake(step))
        expected = {"enum": enum.Enum, "date": datetime.date, "datetime": datetime.datetime, "uuid": uuid.UUID,
                    "integer": int, "number": (int, float), "text": str, "list": list}[wanted]
        if wanted == "date" and isinstance(value, datetime.datetime) or not isinstance(value, expected):
            failures.append("%s: %s is %r (%s), not %s" % (call["operationId"], path, value, type(value).__name__, wanted))


results = {}
for call in plan["calls"]:
    try:
        package, api_client = client(call["service"], call.get("token"))
        method = find(package, api_client, call["operationId"])
        arguments = {snake(k): v for k, v in call.get("params", {}).items()}
        if "body" in call:
            arguments[snake(call["body"]["param"])] = body(package, call["body"])
        result = method(**arguments)
        results[call.get("name", call["operationId"])] = result
        check(call, result)
        print("python", call["service"], call["operationId"], "ok", type(result).__name__)
    except Exception as e:  # a failed call is reported with what the service answered
        failures.append("%s %s: %s" % (call["service"], call["operationId"], str(e)[:600]))
        print("python", call["service"], call["operationId"], "FAILED", str(e)[:300])

for first, again, field in plan.get("replays", []):
    if first in results and again in results and getattr(results[first], field) != getattr(results[again], field):
        failures.append("the retry %s with the same Idempotency-Key answered another %s" % (again, field))

print("python: %d calls, %d failures" % (len(plan["calls"]), len(failures)))
for f in failures:
    print("FAILURE", f)
sys.exit(1 if failures else 0)
