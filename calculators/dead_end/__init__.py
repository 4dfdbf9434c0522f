"""The dead-end track: the options, their legal routes (contract end, transition payment), the comparison."""
