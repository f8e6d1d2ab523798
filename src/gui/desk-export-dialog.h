/* desk-export-dialog.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-export-enums.h"

G_BEGIN_DECLS

#define DESK_TYPE_EXPORT_DIALOG (desk_export_dialog_get_type())

G_DECLARE_FINAL_TYPE (DeskExportDialog, desk_export_dialog, DESK, EXPORT_DIALOG, AdwMessageDialog)

DeskExportDialog *desk_export_dialog_new              (GtkWindow        *parent,
                                                       const char       *heading,
                                                       DeskExportFormat  format,
                                                       gint64            compared_at,
                                                       GTimeZone        *zone);
DeskExportFormat  desk_export_dialog_get_format       (DeskExportDialog *self);
gboolean          desk_export_dialog_get_mark_changes (DeskExportDialog *self);

G_END_DECLS
