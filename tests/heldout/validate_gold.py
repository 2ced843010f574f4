"""Check the held-out gold files: JSON lines parse, types/subtypes allowed, names unique,
aliases and evidence occur verbatim in the document, relation ends are annotated entities
of allowed classes.  Usage: python3 tests/heldout/validate_gold.py"""
import json, pathlib, sys

HERE = pathlib.Path(__file__).parent
SUB = {
    "Laboratory": {None, "NationalLaboratory", "NationalKeyLaboratory", "ProvincialLaboratory", "EngineeringLaboratory"},
    "LargeScientificFacility": {None},
    "ResearchInstitute": {None, "NewTypeRDInstitution"},
    "University": {None},
    "Enterprise": {None},
    "InnovationPlatform": {None, "TechnologyInnovationCenter", "EngineeringResearchCenter", "Incubator"},
    "Place": {None, "Province", "City", "District", "County", "DevelopmentZone", "ScienceCity", "Region"},
    "IndustryChain": {None, "FutureIndustry", "IndustrialCluster", "ChainSegment"},
}
ORG = {"Laboratory", "LargeScientificFacility", "ResearchInstitute", "University", "Enterprise", "InnovationPlatform"}
REL = {  # type: (allowed head classes, allowed tail classes)
    "LOCATED_IN": (set(SUB) - {"Place"}, {"Place"}),
    "PART_OF": (set(SUB), set(SUB)),
    "PART_OF_CHAIN": ({"Enterprise"}, {"IndustryChain"}),
    "SUPPORTS_CHAIN": ({"Laboratory", "LargeScientificFacility", "ResearchInstitute", "University", "InnovationPlatform"}, {"IndustryChain"}),
    "OPERATED_BY": ({"LargeScientificFacility", "Laboratory", "InnovationPlatform"}, {"University", "ResearchInstitute", "Enterprise"}),
    "FOCUSES_ON": (ORG | {"Place"}, {"IndustryChain"}),
    "COOPERATES_WITH": (ORG, ORG),
    "UPSTREAM_OF": ({"IndustryChain"}, {"IndustryChain"}),
}
errors = 0
def err(*a):
    global errors; errors += 1; print("ERROR", *a)

for gold in sorted(HERE.glob("*.gold.jsonl")):
    ents, rels = {}, []
    for i, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        try:
            o = json.loads(line)
        except Exception as e:
            err(gold.name, i, "bad JSON", e); continue
        doc = HERE / o["doc"]
        if not doc.exists():
            err(gold.name, i, "missing doc", o["doc"]); continue
        text = doc.read_text(encoding="utf-8")
        if o["kind"] == "entity":
            if o["type"] not in SUB or o["subtype"] not in SUB[o["type"]]:
                err(gold.name, i, "bad type/subtype", o["type"], o["subtype"])
            if o["name"] in ents:
                err(gold.name, i, "duplicate entity", o["name"])
            ents[o["name"]] = o["type"]
            if o["name"] not in text and not o["aliases"]:
                err(gold.name, i, "name not in text and no alias", o["name"])
            for a in o["aliases"]:
                if a not in text:
                    err(gold.name, i, "alias not in text", a)
        elif o["kind"] == "relation":
            rels.append((i, o, text))
        else:
            err(gold.name, i, "bad kind")
    for i, o, text in rels:
        if o["type"] not in REL:
            err(gold.name, i, "bad relation type", o["type"]); continue
        if o["evidence"] not in text:
            err(gold.name, i, "evidence not verbatim", o["evidence"])
        for end, allowed in (("head", REL[o["type"]][0]), ("tail", REL[o["type"]][1])):
            n = o[end]
            if n not in ents:
                err(gold.name, i, end, "not an annotated entity", n)
            elif ents[n] not in allowed:
                err(gold.name, i, o["type"], end, n, "has class", ents[n])
        if o["type"] == "PART_OF" and o["head"] in ents and o["tail"] in ents:
            h, t = ents[o["head"]], ents[o["tail"]]
            if (h == "Place") != (t == "Place") or (h == "IndustryChain") != (t == "IndustryChain"):
                err(gold.name, i, "PART_OF mixes classes", o["head"], o["tail"])
    print(f"{gold.name}: {len(ents)} entities, {len(rels)} relations")
print("errors:", errors)
sys.exit(1 if errors else 0)
