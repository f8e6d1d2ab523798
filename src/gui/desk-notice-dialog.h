/* desk-notice-dialog.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_NOTICE_DIALOG (desk_notice_dialog_get_type())

G_DECLARE_FINAL_TYPE (DeskNoticeDialog, desk_notice_dialog, DESK, NOTICE_DIALOG, AdwWindow)

DeskNoticeDialog *desk_notice_dialog_new        (GtkWindow        *parent,
                                                 DeskStore        *store,
                                                 DeskIncident     *incident,
                                                 DeskNotification *notice,
                                                 const char       *customer_name);
DeskNotification *desk_notice_dialog_get_notice (DeskNoticeDialog *self);

G_END_DECLS
