/* desk-demo.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

gboolean  desk_demo_populate  (DeskStore  *store,
                               GError    **error);

G_END_DECLS
