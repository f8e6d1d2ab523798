/* desk-notice-status.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-types.h"

G_BEGIN_DECLS

const char *desk_notice_status_css_class (DeskNotificationStatus  status);
GMenuModel *desk_notice_status_menu      (const char             *action,
                                          gint64                  notice_id);
int         desk_notice_status_rank      (DeskNotificationStatus  status);

G_END_DECLS
