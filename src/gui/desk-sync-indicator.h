/* desk-sync-indicator.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-sync-client.h"

G_BEGIN_DECLS

#define DESK_TYPE_SYNC_INDICATOR (desk_sync_indicator_get_type())

G_DECLARE_FINAL_TYPE (DeskSyncIndicator, desk_sync_indicator, DESK, SYNC_INDICATOR, GtkWidget)

void            desk_sync_indicator_set_client (DeskSyncIndicator *self,
                                                DeskSyncClient    *client);
const char     *desk_sync_indicator_get_title  (DeskSyncIndicator *self);
const char     *desk_sync_indicator_get_detail (DeskSyncIndicator *self);

G_END_DECLS
