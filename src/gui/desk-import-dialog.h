/* desk-import-dialog.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_IMPORT_DIALOG (desk_import_dialog_get_type())

G_DECLARE_FINAL_TYPE (DeskImportDialog, desk_import_dialog, DESK, IMPORT_DIALOG, AdwWindow)

DeskImportDialog *desk_import_dialog_new          (GtkWindow        *parent,
                                                   DeskStore        *store,
                                                   DeskIncident     *incident,
                                                   GFile            *file);
DeskIncident     *desk_import_dialog_get_incident (DeskImportDialog *self);

G_END_DECLS
