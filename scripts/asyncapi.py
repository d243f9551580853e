#!/usr/bin/env python3
"""Writes docs/asyncapi.json from the public events in src/Contracts (records with [EntityName]).

A convenience for keeping the document in step: descriptions come from the records' <summary> comments,
examples from the sample values below. The test AsyncApiDocumentTests (tests/Gateway.Tests) is the authority:
it checks the document against the contracts by reflection and MassTransit's own serializer.
Usage: python3 scripts/asyncapi.py
"""
import json, pathlib, re

root = pathlib.Path(__file__).resolve().parent.parent
sources = "\n".join(p.read_text() for p in sorted((root / "src/Contracts").rglob("*.cs")))

enums = {m.group(1): re.findall(r"(\w+),", m.group(2)) for m in re.finditer(r"public enum (\w+)\s*\{([^}]*)\}", sources)}
record_re = re.compile(r"((?:[ \t]*///[^\n]*\n)*)((?:[ \t]*\[[^\n]*\]\n)*)public sealed record (\w+)\(([^;]*?)\);", re.S)
records = {}
for m in record_re.finditer(sources):
    doc, attrs, name, params = m.groups()
    summary = " ".join(re.sub(r"<[^>]+>", "", l.strip()[3:].strip()) for l in doc.splitlines()).strip()
    summary = re.sub(r"<see cref=\"(\w+)\"\s*/>", r"\1", summary)
    entity = re.search(r'EntityName\("([^"]+)"\)', attrs)
    urn = re.search(r'MessageUrn\("([^"]+)"\)', attrs)
    fields = []
    for p in re.split(r",\s*(?![^<]*>)", " ".join(params.split())):
        p = p.strip()
        if not p:
            continue
        default = "=" in p
        p = p.split("=")[0].strip()
        typ, fname = p.rsplit(" ", 1)
        fields.append((typ, fname, default))
    records[name] = dict(summary=summary, entity=entity and entity.group(1), urn=urn and urn.group(1), fields=fields)

samples = {
    "ApplicationId": "0b9d2c1e-4f1a-4c55-9a0e-5d1f2a3b4c5d", "RegistrationId": "6f1e2d3c-4b5a-4968-8776-655443322110",
    "DocumentNumber": "PTSP-IZN-2026-000042", "ReceiptNumber": "PTSP/2026/000123", "ApplicantUsername": "siti.rahmawati",
    "ApplicantName": "Siti Rahmawati", "HolderName": "Siti Rahmawati", "FullName": "Siti Rahmawati", "BusinessName": "CV Maju Bersama",
    "PermitTypeCode": "REKLAME", "PermitTypeName": "Izin Reklame", "Signer": "Dr. H. Ahmad Fauzi, M.Si.", "RevokedBy": "Dr. H. Ahmad Fauzi, M.Si.",
    "Officer": "backoffice", "ApprovedBy": "frontoffice", "RejectedBy": "frontoffice", "Username": "siti.rahmawati",
    "Nik": "3214015505900001", "Email": "siti@example.id", "ApplicantEmail": "siti@example.id",
    "Role": "SectionHead", "AssignedRole": "FrontOffice", "PreviousRole": "Applicant", "SupervisorRole": "SectionHead",
    "Status": "Submitted", "Note": "Masa berlaku izin belum dicantumkan.", "Reason": "Kegiatan usaha menyimpang dari izin yang diberikan.",
    "Notes": "Lokasi dan konstruksi sesuai ketentuan.", "Location": "Kantor DPMPTSP Purwakarta",
}

def schema(typ, fname):
    nullable = typ.endswith("?")
    t = typ.rstrip("?")
    if t == "Guid": s = {"type": "string", "format": "uuid"}
    elif t == "string": s = {"type": "string"}
    elif t == "int": s = {"type": "integer"}
    elif t == "long": s = {"type": "integer", "format": "int64"}
    elif t == "DateOnly": s = {"type": "string", "format": "date"}
    elif t == "TimeOnly": s = {"type": "string", "pattern": "^\\d{2}:\\d{2}(:\\d{2})?$"}
    elif t == "bool": s = {"type": "boolean"}
    elif t == "DateTimeOffset": s = {"type": "string", "format": "date-time"}
    # MassTransit writes enums as numbers (their declaration order), not names.
    elif t in enums: s = {"type": "integer", "enum": list(range(len(enums[t]))),
                          "description": t + ": " + ", ".join(f"{i} = {n}" for i, n in enumerate(enums[t]))}
    elif t.startswith("IReadOnlyList<"): s = {"type": "array", "items": schema(t[14:-1], fname)}
    elif t.startswith("IReadOnlyDictionary<string, "): s = {"type": "object", "additionalProperties": schema(t[28:-1], fname)}
    elif t in records: s = {"$ref": f"#/components/schemas/{t}"}
    else: raise SystemExit(f"unknown type {t} of {fname}")
    if nullable:
        s = {"oneOf": [s, {"type": "null"}]} if "$ref" in s else {**s, "type": [s["type"], "null"]}
        if "enum" in s:
            s["enum"] = s["enum"] + [None]
    return s

def example(typ, fname):
    t = typ.rstrip("?")
    if fname in samples: return samples[fname]
    if t == "Guid": return "3c8e4b7a-2d61-4f0e-9b1a-7c6d5e4f3a21"
    if t == "int": return {"Step": 8, "Round": 1, "Revision": 2, "Version": 7, "WorkingDays": 3, "CurrentStep": 4}.get(fname, 1)
    if t == "long": return 2
    if t == "DateOnly": return "2027-03-10"
    if t == "TimeOnly": return "07:30:00"
    if t == "bool": return True
    if t == "DateTimeOffset": return "2026-11-30T07:05:00+00:00"
    if t in enums: return 0
    if t.startswith("IReadOnlyList<"): return [example(t[14:-1], fname)]
    if fname == "Week": return {"Mon": "08:00-12:00,12:30-15:00", "Fri": "08:00-11:30,13:00-15:30"}
    if t in records: return object_example(t)
    return "contoh"

def camel(n): return n[0].lower() + n[1:]

def object_schema(name):
    r = records[name]
    return {"type": "object", "description": r["summary"] or None,
            "required": [camel(f) for t, f, d in r["fields"] if not t.endswith("?") and not d],
            "properties": {camel(f): schema(t, f) for t, f, d in r["fields"]}}

def object_example(name):
    return {camel(f): example(t, f) for t, f, d in records[name]["fields"]}

def strip(o):
    if isinstance(o, dict): return {k: strip(v) for k, v in o.items() if v is not None}
    if isinstance(o, list): return [strip(v) for v in o]
    return o

public = sorted((n for n, r in records.items() if r["entity"]), key=lambda n: records[n]["entity"])
nested = sorted({t.rstrip("?").removeprefix("IReadOnlyList<").rstrip(">") for n in public for t, f, d in records[n]["fields"]} & set(records))

doc = {
    "asyncapi": "3.0.0",
    "info": {
        "title": "Ptsp public events",
        "version": "1.0.0",
        "description": (
            "The events Ptsp (the licensing service of a regency's one-stop agency, DPMPTSP) publishes for outside systems. "
            "Each event type has its own RabbitMQ fanout exchange, named for the event and its version (ptsp.<event>.v1); "
            "bind a queue of your own to the exchanges you need (the routing key is ignored by a fanout exchange). "
            "Bodies are MassTransit JSON envelopes (content type application/vnd.masstransit+json): the event is the `message` field, "
            "`messageType` names it as urn:message:ptsp:<event>:v1. Enumerations are numbers (each schema names them). Fields with no value may be absent. Delivery is at least once: "
            "deduplicate by `messageId`. A breaking change is published as a new .v2 exchange alongside the old one."),
    },
    "defaultContentType": "application/vnd.masstransit+json",
    "servers": {
        "agency": {"host": "rabbitmq.example.go.id:5672", "protocol": "amqp", "protocolVersion": "0-9-1",
                   "description": "The agency's RabbitMQ broker; host, virtual host and credentials are given by the agency's operators."},
    },
    "channels": {}, "operations": {}, "components": {"messages": {}, "schemas": {}},
}
for n in public:
    r = records[n]
    key = camel(n)
    doc["channels"][key] = {
        "address": r["entity"], "title": n, "description": f"Fanout exchange {r['entity']}.",
        "messages": {n: {"$ref": f"#/components/messages/{n}"}},
        "bindings": {"amqp": {"is": "routingKey", "exchange": {"name": r["entity"], "type": "fanout", "durable": True, "autoDelete": False, "vhost": "/"},
                              "bindingVersion": "0.3.0"}},
    }
    doc["operations"][f"receive{n}"] = {"action": "receive", "channel": {"$ref": f"#/channels/{key}"},
                                        "summary": f"An outside system receives {n} on a queue of its own bound to {r['entity']}.",
                                        "messages": [{"$ref": f"#/channels/{key}/messages/{n}"}]}
    urn = f"urn:message:{r['urn']}"
    doc["components"]["messages"][n] = {
        "name": n, "title": n, "summary": r["summary"] or n, "contentType": "application/vnd.masstransit+json",
        "x-exchange": r["entity"], "x-message-type": urn,
        "payload": {"type": "object", "required": ["messageId", "messageType", "message"], "properties": {
            "messageId": {"type": "string", "format": "uuid", "description": "Unique per message; a redelivery repeats it."},
            "conversationId": {"type": "string", "format": "uuid"},
            "sourceAddress": {"type": "string"},
            "destinationAddress": {"type": "string"},
            "messageType": {"type": "array", "items": {"type": "string"}, "contains": {"const": urn}},
            "sentTime": {"type": "string", "format": "date-time"},
            "headers": {"type": "object"},
            "message": object_schema(n),
        }},
        "examples": [{"name": f"{n} example", "payload": {
            "messageId": "0e3b0000-5d8a-0015-9f3a-08dd1a2b3c4d", "messageType": [urn], "sentTime": "2026-11-30T07:05:01Z",
            "message": object_example(n)}}],
    }
for n in nested:
    doc["components"]["schemas"][n] = object_schema(n)

(root / "docs/asyncapi.json").write_text(json.dumps(strip(doc), indent=2, ensure_ascii=False) + "\n")
print(f"docs/asyncapi.json: {len(public)} events")
