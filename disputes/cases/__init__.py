"""Cases: reading, presenting and (with workflows) moving a case through its life cycle."""
