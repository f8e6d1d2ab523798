/* desk-obligation-dialog.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_OBLIGATION_DIALOG (desk_obligation_dialog_get_type())

G_DECLARE_FINAL_TYPE (DeskObligationDialog, desk_obligation_dialog,
                      DESK, OBLIGATION_DIALOG, AdwWindow)

GtkWidget *desk_obligation_dialog_new (GtkWindow          *parent,
                                       DeskStore          *store,
                                       DeskIncident       *incident,
                                       const char * const *applied_rules);

/* For tests */
gboolean   _desk_obligation_dialog_select_rule      (DeskObligationDialog *self,
                                                     const char           *rule_id);
gboolean   _desk_obligation_dialog_select_condition (DeskObligationDialog *self,
                                                     const char           *name);
void       _desk_obligation_dialog_search           (DeskObligationDialog *self,
                                                     const char           *text);
guint      _desk_obligation_dialog_count_shown      (DeskObligationDialog *self);
GtkWidget *_desk_obligation_dialog_get_rule_row     (DeskObligationDialog *self,
                                                     const char           *rule_id);

G_END_DECLS
