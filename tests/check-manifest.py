#!/usr/bin/python3
"""Checks the Flatpak manifest against flatpak-builder's schema (../shared/flatpak-manifest.schema.json),
and that it asks for nothing more than the app needs. Exits 77 (skipped) without the schema or jsonschema."""
import json
import os
import sys

top = sys.argv[1]
schema_path = os.path.join(os.path.dirname(os.path.abspath(top)), 'shared', 'flatpak-manifest.schema.json')
if not os.path.exists(schema_path):
    print('SKIP: %s is absent' % schema_path)
    sys.exit(77)
try:
    import jsonschema
except ImportError:
    print('SKIP: python3-jsonschema is missing')
    sys.exit(77)

with open(schema_path) as f:
    schema = json.load(f)
with open(os.path.join(top, 'flatpak', 'io.github.smmdesk.SmmDesk.json')) as f:
    manifest = json.load(f)

jsonschema.validate(manifest, schema)

allowed = {'--share=network', '--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri'}
extra = set(manifest['finish-args']) - allowed
if extra:
    sys.exit('the manifest asks for more than the app needs: %s' % sorted(extra))
if manifest['runtime'] != 'org.gnome.Platform' or manifest['runtime-version'] != '51':
    sys.exit('the app is built on the GNOME 51 runtime (GTK 4.24, libadwaita 1.10: the libraries the newest CI leg tests)')
app = manifest['modules'][-1]
if app.get('buildsystem') != 'meson' or not app.get('run-tests'):
    sys.exit('the app module is built with meson and runs its tests')
print('the manifest is valid and asks for: %s' % ' '.join(manifest['finish-args']))
