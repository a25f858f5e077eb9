"""Make notesite/data/catalogue.yaml: every AWS service by name, from botocore's service models.

    python -m venv /tmp/catalogue && /tmp/catalogue/bin/pip install -r requirements-catalogue.txt
    /tmp/catalogue/bin/python scripts/make_catalogue.py

Maintainers run it when AWS adds services; the site never needs botocore. Each service model
carries the service's id (its usual short name: "Lambda", "ElastiCache", "Direct Connect"), its
full name ("AWS Lambda") and, for some, the abbreviation AWS writes ("Amazon ECR"). Models of
data planes and second API versions of one service ("... Data", "... Runtime", "... V2") are left
out: they are the same service to a reader. services.yaml, written by hand, says more about the
services the notes are about and wins where both name one.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import botocore
import botocore.session

OUT = Path(__file__).resolve().parent.parent / "notesite" / "data" / "catalogue.yaml"
# Models that are a plane, a runtime or another API version of a service listed on its own.
NOT_A_SERVICE = re.compile(r"(?i)(?:\b(?:data|data ?plane|runtime|query|api|events|messaging|signaling|v\d|"
                           r"identity|sync|metrics|internal|streams|contacts|reporting|entitlement|media)$|v\d$)")
# Where the model's id is not what people write: the name AWS's own pages use.
NAMES = {
    "stepfunctions": "Step Functions",   # id "SFN"
    "xray": "X-Ray",                     # id "XRay"
    "config": "Config",                  # id "Config Service"
    "elb": "Elastic Load Balancing",
    "elbv2": None,                       # the same service as elb, a second API
    "es": None,                          # Elasticsearch Service: now OpenSearch (its own model)
    "glacier": "S3 Glacier",             # id "Glacier"; AWS has called it S3 Glacier since 2021
    "logs": "CloudWatch Logs",
    # ids that are an API's name, where people write the product's ("Cognito Identity Provider",
    # "DocDB", "Kafka", "AWSKendraFrontendService", "Lex Model Building Service")
    "cognito-idp": "Cognito",
    "docdb": "DocumentDB",
    "kafka": "MSK",
    "kendra": "Kendra",
    "lex-models": "Lex",
    "lex-runtime": None,                 # Lex's runtime: the same service
    "timestream-write": "Timestream",
    "mq": "Amazon MQ",                   # "MQ" alone is any message queue
    "drs": "Elastic Disaster Recovery",
    "amp": "Managed Service for Prometheus",
    "billingconductor": "Billing Conductor",
    "deadline": "Deadline Cloud",
    "m2": "Mainframe Modernization",
    "internetmonitor": "Internet Monitor",
    "entityresolution": "Entity Resolution",
    "connectcampaigns": "Connect Campaigns",
    "iotdeviceadvisor": "IoT Device Advisor",
    "apigatewaymanagementapi": None,     # API Gateway's connections API: the same service
}
# Where the model's full name is its API's ("AWSKendraFrontendService", "Amazon Timestream
# Write"): the product's name, as AWS's own pages write it.
FULL_NAMES = {
    "cognito-idp": "Amazon Cognito",
    "kendra": "Amazon Kendra",
    "lex-models": "Amazon Lex",
    "timestream-write": "Amazon Timestream",
    "mq": "Amazon MQ",
    "kafka": "Amazon Managed Streaming for Apache Kafka",
    "drs": "AWS Elastic Disaster Recovery",
    "amp": "Amazon Managed Service for Prometheus",
    "billingconductor": "AWS Billing Conductor",
    "deadline": "AWS Deadline Cloud",
    "m2": "AWS Mainframe Modernization",
    "entityresolution": "AWS Entity Resolution",
    "connectcampaigns": "Amazon Connect Campaigns",
}
# A model's second API version written into its name ("Macie 2", "Inspector2", "Resource Explorer
# 2"): the service is the one without it. (Not "Route 53" nor "EC2": the number is the name's.)
API_VERSION = re.compile(r"(?:(?<=[a-z])|\s+)2$")
# Prefixes AWS puts before a service's name; the name without them is what notes write.
VENDOR = re.compile(r"^(?:Amazon|AWS)\s+")


def entries() -> list[dict[str, str]]:
    session = botocore.session.get_session()
    loader = session.get_component("data_loader")
    out, seen = [], set()
    for model in session.get_available_services():
        meta = loader.load_service_model(model, "service-2")["metadata"]
        name = NAMES.get(model, meta.get("serviceId") or "")
        if not name or (model not in NAMES and NOT_A_SERVICE.search(name)):
            continue
        full = FULL_NAMES.get(model) or meta.get("serviceFullName") or name
        if model not in NAMES:
            name, full = API_VERSION.sub("", name), API_VERSION.sub("", full)
            name = _spelt_as_aws_does(name, full)
        if name.lower() in seen:
            continue   # a second model of one service ("Pinpoint SMS Voice" and its V2)
        seen.add(name.lower())
        entry = {"name": name, "full": full, "model": model}
        abbreviation = VENDOR.sub("", meta.get("serviceAbbreviation") or "")
        if abbreviation.isupper() and abbreviation != name:
            entry["abbr"] = abbreviation
        elif name.replace(" ", "").isupper() and " " not in name:
            entry["abbr"] = name
        out.append(entry)
    return sorted(out, key=lambda e: e["name"].lower())


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _spelt_as_aws_does(name: str, full: str) -> str:
    """A model's id as AWS's own name spells it: "TrustedAdvisor" is "Trusted Advisor", and an
    id in lower case ("forecast") reads as the full name does ("Forecast")."""
    bare = VENDOR.sub("", full)
    for candidate in (bare, re.sub(r"\s+Service$", "", bare)):
        if _key(candidate) == _key(name):
            return candidate
    return bare if name.islower() else name


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> int:
    rows = entries()
    lines = [
        "# Every AWS service by name: generated by scripts/make_catalogue.py from the service models",
        f"# of botocore {botocore.__version__} (Apache-2.0). Do not edit: services.yaml, written by hand,",
        "# wins where both name a service. name: the usual short name; full: AWS's full name;",
        "# abbr: the abbreviation, where AWS writes one; model: botocore's name for the service.",
    ]
    for row in rows:
        fields = ", ".join(f"{key}: {_quoted(value)}" for key, value in row.items())
        lines.append(f"- {{{fields}}}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} services written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
