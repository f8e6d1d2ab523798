/* desk-notice-dialog-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-notice-dialog.h"

G_BEGIN_DECLS

/* For tests */
void _desk_notice_dialog_set_values (DeskNoticeDialog       *self,
                                     DeskRecipient           recipient,
                                     const char             *recipient_name,
                                     DeskChannel             channel,
                                     DeskNotificationStatus  status,
                                     const char             *note);

G_END_DECLS
