/* desk-a11y.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void desk_a11y_name_entry_row_apply  (AdwEntryRow    *row);
void desk_a11y_name_mnemonic_buttons (GtkWidget      *widget);
void desk_a11y_name_split_button     (AdwSplitButton *button,
                                      const char     *label,
                                      const char     *dropdown_label);
void desk_a11y_set_invalid           (GtkWidget      *widget,
                                      const char     *message);

G_END_DECLS
