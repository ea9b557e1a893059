"""The uptake of micro-credentials, as the Recommendation's §20 asks to collect it."""
