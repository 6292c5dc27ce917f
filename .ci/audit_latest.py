"""Audit the installed Python packages through PyPI's project JSON, where pip-audit cannot.

pip-audit asks the registry for each release's own JSON (`/pypi/NAME/VERSION/json`). Where the
package index reachable from here serves only the project JSON (`/pypi/NAME/json`), every package
comes back "could not be audited". The project JSON lists the known vulnerabilities of the
*latest* release, so for every package installed at its latest release it answers the same
question; packages behind the latest release are named as not audited, never passed silently.

Exit status: 1 when a known vulnerability is found or nothing could be audited at all (an index
that answers nothing proves nothing), else 0. Prints one line per finding and a closing summary.
"""
from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from importlib import metadata

PROJECT_JSON = "https://pypi.org/pypi/{name}/json"
OUR_DISTRIBUTION = "dispute-desk"
TIMEOUT_SECONDS = 20


def installed() -> dict[str, str]:
    """Name → version of every distribution in this environment but our own."""
    found = {}
    for distribution in metadata.distributions():
        name = distribution.metadata["Name"]
        if name and name.lower() != OUR_DISTRIBUTION:
            found[name] = distribution.version
    return dict(sorted(found.items(), key=lambda item: item[0].lower()))


def project(name: str) -> dict | None:
    try:
        with urllib.request.urlopen(PROJECT_JSON.format(name=name), timeout=TIMEOUT_SECONDS) as answer:  # nosec B310 - fixed https URL
            return json.load(answer)
    except (urllib.error.URLError, TimeoutError, ValueError):
        return None


def main() -> int:
    packages = installed()
    vulnerable, not_audited, audited = [], [], 0
    for name, version in packages.items():
        data = project(name)
        if data is None:
            not_audited.append(f"{name} {version} (no answer from the index)")
            continue
        latest = data.get("info", {}).get("version")
        if latest != version:
            not_audited.append(f"{name} {version} (latest is {latest}; only its advisories are served)")
            continue
        audited += 1
        for advisory in data.get("vulnerabilities") or []:
            fixed = ", ".join(advisory.get("fixed_in") or []) or "no fix yet"
            vulnerable.append(f"{name} {version}: {advisory.get('id')} (fixed in {fixed}) {advisory.get('link', '')}")
    for line in vulnerable:
        print(f"VULNERABLE {line}")
    for line in not_audited:
        print(f"NOT AUDITED {line}")
    print(f"audit through the project JSON: {audited} of {len(packages)} packages audited, "
          f"{len(vulnerable)} known vulnerabilities, {len(not_audited)} not audited")
    return 1 if vulnerable or not audited else 0


if __name__ == "__main__":
    sys.exit(main())
