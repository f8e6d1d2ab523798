/* desk-add-checklist-popover.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_ADD_CHECKLIST_POPOVER (desk_add_checklist_popover_get_type())

G_DECLARE_FINAL_TYPE (DeskAddChecklistPopover, desk_add_checklist_popover,
                      DESK, ADD_CHECKLIST_POPOVER, GtkPopover)

void desk_add_checklist_popover_set_templates (DeskAddChecklistPopover *self,
                                               GPtrArray               *templates);

G_END_DECLS
