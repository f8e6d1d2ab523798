/* desk-conflicts-dialog.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_CONFLICTS_DIALOG (desk_conflicts_dialog_get_type())

G_DECLARE_FINAL_TYPE (DeskConflictsDialog, desk_conflicts_dialog, DESK, CONFLICTS_DIALOG, AdwWindow)

DeskConflictsDialog *desk_conflicts_dialog_new          (GtkWindow           *parent,
                                                         DeskStore           *store);
GListModel          *desk_conflicts_dialog_get_conflicts (DeskConflictsDialog *self);
gboolean             desk_conflicts_dialog_is_loading    (DeskConflictsDialog *self);
void                 desk_conflicts_dialog_resolve       (DeskConflictsDialog *self,
                                                          guint                position,
                                                          gboolean             take_local);

G_END_DECLS
