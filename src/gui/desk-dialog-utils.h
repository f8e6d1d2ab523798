/* desk-dialog-utils.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* One of the desk_*_label() functions of desk-labels.h, taking the enum's value as an int */
typedef const char *(*DeskLabelFunc) (int value);

GListModel *desk_dialog_label_model (DeskLabelFunc    label,
                                     int              first,
                                     int              n_values);
void        desk_dialog_set_title   (GtkWindow       *dialog,
                                     AdwWindowTitle  *window_title,
                                     GtkWidget       *save_button,
                                     const char      *title,
                                     gboolean         adding);

G_END_DECLS
