/* desk-figure-history.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DESK_TYPE_FIGURE_HISTORY (desk_figure_history_get_type())

G_DECLARE_FINAL_TYPE (DeskFigureHistory, desk_figure_history,
                      DESK, FIGURE_HISTORY, AdwPreferencesGroup)

void        desk_figure_history_reload       (DeskFigureHistory *self);
void        desk_figure_history_clear        (DeskFigureHistory *self);

/* For tests */
guint       _desk_figure_history_get_n_rows  (DeskFigureHistory *self);
char       *_desk_figure_history_dup_row_text (DeskFigureHistory *self,
                                              guint              index);
GtkWidget  *_desk_figure_history_get_chart   (DeskFigureHistory *self);

G_END_DECLS
