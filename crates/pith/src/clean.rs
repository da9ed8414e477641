//! Clean stage: decide, per node, what can never be article content.
