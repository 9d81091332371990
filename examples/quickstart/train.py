"""A stand-in for a training script: ten "epochs" whose accuracy depends on the parameters.

It uses only the Tunelab trial SDK; an NNI trial script (`import nni`) works the same way.
"""
import math
import time

import tunelab

params = tunelab.get_next_parameter()
lr = params.get("learning_rate", 0.01)
batch_size = params.get("batch_size", 32)
dropout = params.get("dropout", 0.3)

# Best near lr = 0.003, batch 32, dropout 0.25.
quality = math.exp(-(math.log10(lr) + 2.5) ** 2) * (1 - abs(dropout - 0.25)) * (1 - abs(batch_size - 32) / 128)
accuracy = 0.0
for epoch in range(10):
    accuracy = 0.5 + 0.45 * quality * (1 - math.exp(-(epoch + 1) / 3))
    tunelab.report_intermediate_result(accuracy)
    time.sleep(0.1)
tunelab.report_final_result(accuracy)
