/* desk-import-dialog-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-account-import.h"
#include "desk-import-dialog.h"

G_BEGIN_DECLS

/* For tests */
const char        *_desk_import_dialog_get_state          (DeskImportDialog *self);
const char        *_desk_import_dialog_get_error          (DeskImportDialog *self);
const char        *_desk_import_dialog_get_problem        (DeskImportDialog *self);
const char        *_desk_import_dialog_get_encoding_text  (DeskImportDialog *self);
const char        *_desk_import_dialog_get_mapping        (DeskImportDialog *self,
                                                           guint             column);
guint              _desk_import_dialog_get_n_preview_rows (DeskImportDialog *self);
const char        *_desk_import_dialog_get_cell           (DeskImportDialog *self,
                                                           guint             row,
                                                           guint             column);
GtkWidget         *_desk_import_dialog_get_import_button  (DeskImportDialog *self);
void               _desk_import_dialog_set_rejects_file   (DeskImportDialog *self,
                                                           GFile            *file);
DeskAccountImport *_desk_import_dialog_get_import         (DeskImportDialog *self);

G_END_DECLS
