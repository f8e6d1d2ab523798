#!/usr/bin/python3
# build-aux/gen-accounts.py ROWS CONTRACTS ACCOUNTS.csv CONFIRMED CONFIRMED.csv
#
# Copyright 2026 The Incident Desk developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes a synthetic breach list for build-aux/bench: ROWS accounts over CONTRACTS contracts of
# very unequal size (a few large customers, many small ones, as in a hosted-mail service), in
# random order within each contract, with one to two of three breach categories, as CRLF CSV;
# and CONFIRMED of those accounts, picked at random, as a second list without a status column.
# The same arguments always give the same files.

import random
import sys

rows, contracts, path, confirmed, confirmed_path = (int(sys.argv[1]), int(sys.argv[2]),
                                                    sys.argv[3], int(sys.argv[4]), sys.argv[5])
rng = random.Random(4072650)
weights = [rng.paretovariate(1.2) for _ in range(contracts)]
total = sum(weights)
sizes = [max(1, int(rows * w / total)) for w in weights]
sizes[0] += rows - sum(sizes)
categories = ["Webmail", "IMAP/POP", "Admin console"]
picked = set(rng.sample(range(rows), confirmed))

with open(path, "w", newline="") as out, open(confirmed_path, "w", newline="") as out_confirmed:
    out.write("account,customer_id,customer_name,category,status\r\n")
    out_confirmed.write("account,customer_id\r\n")
    n = 0
    for c in range(contracts):
        domain = "c%04d.example.jp" % c
        for i in range(sizes[c]):
            account = "u%07x.%d@%s" % (rng.getrandbits(28), i, domain)
            if i % 7:
                category = categories[(c + i) % 3]
            else:
                category = categories[c % 3] + ";" + categories[(c + 1) % 3]
            out.write("%s,C-%06d,Customer %d K.K.,%s,potential\r\n" % (account, c, c, category))
            if n in picked:
                out_confirmed.write("%s,C-%06d\r\n" % (account, c))
            n += 1
