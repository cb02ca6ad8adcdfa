"""Month axes with Indonesian labels (Plotly's own month names are English)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import fmt_month


def indonesian_month_axis(fig: go.Figure, months: pd.Series) -> go.Figure:
    """Ticks every January and July, labelled 'Jan 2023', 'Jul 2023'."""
    months = pd.Series(pd.to_datetime(months)).drop_duplicates().sort_values()
    ticks = months[months.dt.month.isin([1, 7])]
    if ticks.empty:
        ticks = months
    fig.update_xaxes(tickvals=list(ticks), ticktext=[fmt_month(m.date()) for m in ticks])
    return fig
