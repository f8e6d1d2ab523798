/* desk-regulator-notices.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-types.h"

G_BEGIN_DECLS

#define DESK_TYPE_REGULATOR_NOTICES (desk_regulator_notices_get_type())

G_DECLARE_FINAL_TYPE (DeskRegulatorNotices, desk_regulator_notices, DESK, REGULATOR_NOTICES,
                      AdwBin)

void              desk_regulator_notices_set_notices (DeskRegulatorNotices *self,
                                                      GPtrArray            *notices);
GListModel       *desk_regulator_notices_get_notices (DeskRegulatorNotices *self);
DeskNotification *desk_regulator_notices_find        (DeskRegulatorNotices *self,
                                                      gint64                id);

G_END_DECLS
