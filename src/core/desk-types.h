/* desk-types.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "desk-enums.h"
#include "desk-enum-types.h"

G_BEGIN_DECLS

typedef struct _DeskDatabase      DeskDatabase;
typedef struct _DeskStore         DeskStore;
typedef struct _DeskRecord        DeskRecord;
typedef struct _DeskIncident      DeskIncident;
typedef struct _DeskCategory      DeskCategory;
typedef struct _DeskCustomer      DeskCustomer;
typedef struct _DeskAffected      DeskAffected;
typedef struct _DeskNotification  DeskNotification;
typedef struct _DeskChecklist     DeskChecklist;
typedef struct _DeskChecklistItem DeskChecklistItem;
typedef struct _DeskEvent         DeskEvent;
typedef struct _DeskObligation    DeskObligation;
typedef struct _DeskFigure        DeskFigure;
typedef struct _DeskAuditEntry    DeskAuditEntry;
typedef struct _DeskStats         DeskStats;

G_END_DECLS
