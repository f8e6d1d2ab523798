/* desk-history.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-history-text.h"
#include "desk-store.h"

G_BEGIN_DECLS

GPtrArray  *desk_history_gather (DeskStore     *store,
                                 gint64         incident_id,
                                 guint          n_named,
                                 GCancellable  *cancellable,
                                 GError       **error);

G_END_DECLS
