"""schemathesis hooks for scripts/fuzz-test.py: steer part of the random cases towards data that gets past the
first check, so the fuzzer reaches the stores and the database and not only the decoders.

Loaded by schemathesis through SCHEMATHESIS_HOOKS=fuzz_hooks (PYTHONPATH=scripts). Only the fuzzing phase uses
these strategies; the coverage phase stays as schemathesis builds it. Each hook is a flatmap over the value
schemathesis generated: it keeps that value, or (as often) a steered variant of it, so nothing is lost:
- path parameters: `id` (and `need`) drawn from the ids that exist in the database (KCZY_FUZZ_IDS, written by
  fuzz-test.py after loading the demo data and running one match batch), `action` from the actions the server
  implements for that path;
- JSON bodies of the main write operations: a valid body (BODIES) in which up to three fields are replaced by
  what schemathesis generated for them, so single bad or extreme values (huge numbers, odd strings, dates) reach
  validation and the INSERT/UPDATE one at a time instead of being masked by other errors.
"""

from __future__ import annotations

import base64
import json
import os

import schemathesis
from hypothesis import strategies as st

IDS: dict[str, int] = json.loads(os.environ.get("KCZY_FUZZ_IDS", "{}"))

# The first path segment under /api/v1 → the table whose ids its {id} names.
TABLES = {
    "needs": "need", "experts": "expert", "organizations": "organization", "batches": "match_batch",
    "publications": "match_batch", "proposals": "proposal", "objections": "objection", "assignments": "assignment",
    "outcomes": "outcome", "conflicts": "conflict",
}

ACTIONS = {
    "needs": ["submit", "withdraw", "accept", "return", "close", "renew"],
    "experts": ["approve", "screen", "release", "suspend", "reinstate"],
    "organizations": ["approve", "reject"],
    "batches": ["run", "cancel", "publish", "finalize"],
    "proposals": ["accept", "reject", "lock", "unlock", "confirm", "decline"],
    "objections": ["uphold", "dismiss"],
    "outcomes": ["verify", "reject"],
}

PDF = base64.b64encode(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").decode()

NEED = {
    "title": "模糊测试需求：精密传感器封装", "description": "封装良率偏低，需要工艺改进。", "technical_targets": "良率 ≥ 98%",
    "tracks": ["equipment"], "discipline_codes": ["510"], "keywords": ["传感器", "封装"], "budget": 50000,
    "deadline": "2030-12-31", "confidential": False, "accepts_out_of_province": True,
    "expected_outcomes": ["technical_solution"], "ip_arrangement": "by_agreement", "experts_needed": 1,
}
EXPERT = {
    "name": "模糊测试专家", "unit_name": "模糊测试大学", "degree": "phd", "title_level": "senior", "title_name": "教授",
    "birth_year": 1980, "discipline_codes": ["510"], "tracks": ["equipment"], "keywords": ["传感器"],
    "summary": "研究方向：精密测量。", "mobile": "13800138000", "email": "fuzz@example.com",
    "holds_management_post": False, "region_code": "220100", "capacity": 1, "available_from": "2026-01-01",
    "available_to": "2030-12-31", "achievements": ["成果"], "patents": ["ZL2020"], "talent_enclave": False,
}

# Valid bodies by operation ("METHOD path" as in the document).
BODIES = {
    "POST /api/v1/needs": NEED,
    "PUT /api/v1/needs/{id}": NEED,
    "POST /api/v1/needs/{id}/{action}": {"reason": "模糊测试"},
    "POST /api/v1/experts": EXPERT,
    "PUT /api/v1/experts/{id}": EXPERT,
    "POST /api/v1/experts/{id}/{action}": {"reason": "模糊测试"},
    "PUT /api/v1/organizations/{id}": {
        "region_code": "220100", "address": "长春市", "summary": "简介", "founded_year": 2001,
        "tracks": ["equipment"], "qualifications": ["高新技术企业"],
        "contact": {"name": "联系人", "phone": "13800138000", "email": "contact@example.com"},
    },
    "PUT /api/v1/organizations/{id}/aliases": {"aliases": ["模糊测试别名"]},
    "POST /api/v1/organizations/{id}/{action}": {"reason": "模糊测试"},
    "POST /api/v1/organizations/{id}/merge": {"into": 1, "reason": "模糊测试"},
    "POST /api/v1/batches": {
        "name": "模糊测试批次",
        "settings": {"as_of": "2026-11-29", "term_start": "2027-01-01", "term_months": 24, "maximum_age": 55},
    },
    "POST /api/v1/batches/{id}/{action}": {"reason": "模糊测试", "working_days": 5},
    "POST /api/v1/proposals/{id}/{action}": {"reason": "模糊测试"},
    "POST /api/v1/proposals/{id}/swap": {"expert_id": 1, "reason": "模糊测试"},
    "POST /api/v1/proposals/{id}/objections": {"real_name": "张三", "body": "模糊测试异议"},
    "POST /api/v1/objections/{id}/{action}": {"resolution": "模糊测试"},
    "POST /api/v1/assignments": {
        "need_id": 1, "expert_id": 1, "term_start": "2027-01-01", "term_end": "2028-12-31", "agreement_ref": "FZ-1",
    },
    "PUT /api/v1/assignments/{id}/agreement": {"reference": "FZ-1", "signed_on": "2026-06-01"},
    "POST /api/v1/assignments/{id}/outcomes": {
        "kind": "contract", "title": "模糊测试成效", "description": "说明", "achieved_on": "2026-06-01",
        "contract_type": "development", "contract_value": 100000, "amount_received": 50000, "registry_number": "R-1",
        "evidence": {"filename": "evidence.pdf", "content_type": "application/pdf", "data": PDF},
    },
    "POST /api/v1/assignments/{id}/service-logs": {"served_on": "2026-06-01", "days": 1, "work": "驻企服务"},
    "POST /api/v1/assignments/{id}/assessments": {"period": "2026", "grade": "good", "comments": "模糊测试"},
    "POST /api/v1/outcomes/{id}/{action}": {"reason": "模糊测试"},
    "POST /api/v1/conflicts": {"expert_id": 1, "enterprise_id": 1, "kind": "other", "note": "模糊测试"},
}


def _segment(path: str) -> str:
    parts = path.split("/")
    return parts[3] if len(parts) > 3 and parts[1:3] == ["api", "v1"] else ""


def _ids(table: str) -> st.SearchStrategy[int]:
    return st.integers(1, max(1, IDS.get(table, 1)))


def _steer(strategy_for_original, steered: st.SearchStrategy) -> st.SearchStrategy:
    """Half schemathesis' own value, half the steered one."""
    return st.one_of(st.just(strategy_for_original), steered)


@schemathesis.hook
def flatmap_path_parameters(context, path_parameters):
    op = context.operation
    if op is None or not isinstance(path_parameters, dict):
        return st.just(path_parameters)
    segment = _segment(op.path)
    table = TABLES.get(segment)
    steer: dict[str, st.SearchStrategy] = {}
    if table and "id" in path_parameters:
        steer["id"] = _ids(table)
    if "need" in path_parameters:
        steer["need"] = _ids("need")
    if "action" in path_parameters and segment in ACTIONS:
        steer["action"] = st.sampled_from(ACTIONS[segment])
    if not steer:
        return st.just(path_parameters)
    return _steer(path_parameters, st.fixed_dictionaries(steer).map(lambda chosen: {**path_parameters, **chosen}))


@schemathesis.hook
def flatmap_body(context, body):
    op = context.operation
    base = BODIES.get(f"{op.method.upper()} {op.path}") if op is not None else None
    if base is None or not isinstance(body, dict):
        return st.just(body)

    def merge(replaced: frozenset[str]) -> dict:
        merged = json.loads(json.dumps(base))
        for key in replaced:
            if key in body:
                merged[key] = body[key]
        return merged

    return _steer(body, st.sets(st.sampled_from(sorted(base)), min_size=1, max_size=3).map(merge))
