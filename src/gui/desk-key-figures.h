/* desk-key-figures.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-stats.h"

G_BEGIN_DECLS

#define DESK_TYPE_KEY_FIGURES (desk_key_figures_get_type())

G_DECLARE_FINAL_TYPE (DeskKeyFigures, desk_key_figures, DESK, KEY_FIGURES, AdwBin)

void         desk_key_figures_set_stats       (DeskKeyFigures  *self,
                                               const DeskStats *stats);

/* For tests: the cards are "potential", "confirmed", "unique" and "notified" */
const char  *_desk_key_figures_get_figure     (DeskKeyFigures  *self,
                                               const char      *name);
gboolean     _desk_key_figures_is_estimate    (DeskKeyFigures  *self,
                                               const char      *name);

G_END_DECLS
