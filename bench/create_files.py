#!/usr/bin/env python3
"""The floor under an import into an empty store: create N files of about a
contact file's size in a new directory, each written to a temp name and
renamed into place as kith does, with one sync at the end. No JSON, no
planning: only what the file system costs on this machine.

    bench/create_files.py DIR N
"""
import os
import sys

directory, count = sys.argv[1], int(sys.argv[2])
os.makedirs(directory)
body = b"x" * 700
for i in range(count):
    final = os.path.join(directory, f"person-{i}.json")
    temp = os.path.join(directory, f".person-{i}.json.tmp-000000")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.write(fd, body)
    os.close(fd)
    os.rename(temp, final)
os.sync()
