"""The package layout: the program is ``frontdesk*``; its resources (fonts,
catalogs, fee schedule, holidays, warranty periods) live in ``resources/`` at
the top of the repository and install as ``frontdesk/resources`` (found by
``frontdesk.paths.resource``).  Everything else is in pyproject.toml."""

from setuptools import find_namespace_packages, find_packages, setup

RESOURCE_FOLDERS = ["frontdesk.resources", *(f"frontdesk.resources.{name}" for name in
                                             find_namespace_packages(where="resources"))]

setup(
    packages=[*find_packages(include=["frontdesk", "frontdesk.*"]), *RESOURCE_FOLDERS],
    package_dir={"frontdesk.resources": "resources"},
    package_data={
        "frontdesk.db.migrations": ["*.mako"],
        **{name: ["*.json", "*.ttc", "*.txt", "*.pot", "*.po", "*.mo"] for name in RESOURCE_FOLDERS},
    },
)
