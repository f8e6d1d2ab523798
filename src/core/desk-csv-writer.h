/* desk-csv-writer.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void desk_csv_append_field  (GString    *line,
                             const char *text);
void desk_csv_unguard_field (char       *field);

G_END_DECLS
