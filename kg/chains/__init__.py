"""Industry-chain views for planners: chain reports, segments, gaps, targets, districts,
imported enterprise lists."""
