/* desk-store-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

/* For the list models of core, which read records with their own queries. */
char       *_desk_store_columns          (GType           type,
                                          const char     *alias,
                                          int            *n_columns);
DeskRecord *_desk_record_from_statement  (GType           type,
                                          DeskStatement  *stmt,
                                          int             first);

G_END_DECLS
