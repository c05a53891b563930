#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Validates JSON documents against a JSON schema with python3-jsonschema (the validator the schema's $schema names).

Usage: validate-json-schema.py SCHEMA DOCUMENT...
Prints every error of every document as "DOCUMENT: /json/pointer: message" and exits 1 when one is invalid, 2 when
the schema or a document cannot be read, 0 when all are valid. tst_sarifreport runs it on every fixture home's SARIF.
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as file:
            schema = json.load(file)
        validator_class = jsonschema.validators.validator_for(schema)
        validator_class.check_schema(schema)
        validator = validator_class(schema)
    except (OSError, ValueError, jsonschema.SchemaError) as error:
        print(f"{argv[1]}: unusable schema: {error}", file=sys.stderr)
        return 2
    invalid = False
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as file:
                document = json.load(file)
        except (OSError, ValueError) as error:
            print(f"{path}: unreadable: {error}")
            return 2
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
            pointer = "/" + "/".join(str(part) for part in error.absolute_path)
            print(f"{path}: {pointer}: {error.message}")
            invalid = True
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
