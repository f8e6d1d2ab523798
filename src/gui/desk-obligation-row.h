/* desk-obligation-row.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-rulebook.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_OBLIGATION_ROW (desk_obligation_row_get_type())

G_DECLARE_FINAL_TYPE (DeskObligationRow, desk_obligation_row, DESK, OBLIGATION_ROW, AdwExpanderRow)

GtkWidget      *desk_obligation_row_new            (DeskDeadline      *deadline,
                                                    DeskDeadlineRule  *rule);
DeskDeadline   *desk_obligation_row_get_deadline   (DeskObligationRow *self);
void            desk_obligation_row_set_deadline   (DeskObligationRow *self,
                                                    DeskDeadline      *deadline);
DeskObligation *desk_obligation_row_get_obligation (DeskObligationRow *self);
void            desk_obligation_row_refresh        (DeskObligationRow *self,
                                                    gint64             now,
                                                    guint              lead_hours);
DeskObligationStatus desk_obligation_row_get_status (DeskObligationRow *self);
gint64          desk_obligation_row_get_filed_at   (DeskObligationRow *self);
char           *desk_obligation_row_dup_text       (DeskObligationRow *self,
                                                    const char        *field);

GtkWidget      *_desk_obligation_row_get_field_row (DeskObligationRow *self,
                                                    const char        *field);

G_END_DECLS
